import Store

/// The `StoreError` that `body` throws, or nil when it throws nothing (or something else).
func storeError<T>(_ body: () async throws -> T) async -> StoreError? {
    do {
        _ = try await body()
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        return nil
    }
}
