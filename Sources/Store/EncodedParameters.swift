/// Parameter values laid out for `PQexecParams`: one buffer of NUL-terminated texts plus
/// their type OIDs.
struct EncodedParameters {
    private var buffer: [CChar] = []
    /// Offset of each value in `buffer`, or nil for NULL.
    private var offsets: [Int?] = []
    private var types: [UInt32] = []

    init(_ parameters: [PGValue]) throws(StoreError) {
        offsets.reserveCapacity(parameters.count)
        types.reserveCapacity(parameters.count)
        for (position, parameter) in parameters.enumerated() {
            types.append(parameter.typeOID)
            guard let text = parameter.textEncoding else {
                offsets.append(nil)
                continue
            }
            offsets.append(buffer.count)
            for byte in text.utf8 {
                // A NUL would silently cut the value short in libpq; PostgreSQL text cannot hold one.
                guard byte != 0 else {
                    throw StoreError(.query, message: "parameter $\(position + 1) contains a NUL character")
                }
                buffer.append(CChar(bitPattern: byte))
            }
            buffer.append(0)
        }
    }

    /// Calls `body` with the OID array and the value-pointer array (nil for NULL).
    func withPointers<R>(
        _ body: (UnsafePointer<UInt32>?, UnsafePointer<UnsafePointer<CChar>?>?) -> R
    ) -> R {
        buffer.withUnsafeBufferPointer { bytes in
            let values: [UnsafePointer<CChar>?] = offsets.map { offset in
                offset.map { bytes.baseAddress! + $0 }
            }
            return types.withUnsafeBufferPointer { typeBuffer in
                values.withUnsafeBufferPointer { valueBuffer in
                    body(typeBuffer.baseAddress, valueBuffer.baseAddress)
                }
            }
        }
    }
}
