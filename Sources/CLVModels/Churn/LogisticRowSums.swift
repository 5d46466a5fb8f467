import RealModule

/// One thread's share of a `LogisticObjective` pass: Σ log-loss, the gradient and the Hessian
/// over a range of rows, returned as [loss, gradient…, packed upper-triangle Hessian…].
///
/// The Hessian is the bulk of the work: a rank-one update H += p(1 − p) · z zᵀ per row. Its rows
/// are kept 4-wide and padded, each updated from the block holding its diagonal on, so the
/// update runs as SIMD multiply-adds on aligned memory; the lower triangle's few leftovers
/// inside diagonal blocks are never read.
enum LogisticRowSums {
    private typealias Block = SIMD4<Double>
    private static let blockBytes = MemoryLayout<Block>.stride

    /// `constants` holds θ (intercept first), the means and the reciprocal scales.
    static func sum(_ range: Range<Int>, features: FeatureMatrix, labels: [Bool], constants: [Double], derivatives: Bool) -> [Double] {
        let d = features.columns
        let n = d + 1
        let blocks = (n + 3) / 4
        let rowBytes = blocks * blockBytes
        // z (z[0] = 1 for the intercept, zero padding after z[d]), gradient, then n Hessian rows.
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: (2 + n) * rowBytes, alignment: MemoryLayout<Block>.alignment)
        defer { scratch.deallocate() }
        scratch.initializeMemory(as: Double.self, repeating: 0, count: (2 + n) * rowBytes / 8)
        let z = scratch.assumingMemoryBound(to: Double.self)
        z[0] = 1
        let gradient = scratch + rowBytes
        let hessian = scratch + 2 * rowBytes
        var loss = 0.0
        features.values.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { y in
                constants.withUnsafeBufferPointer { c in
                    for row in range {
                        let base = row &* d
                        var eta = c[0]
                        for j in 0..<d {
                            let value = (x[base &+ j] - c[n &+ j]) * c[n &+ d &+ j]
                            z[j &+ 1] = value
                            eta += c[j &+ 1] * value
                        }
                        // With e = exp(−|η|): loss = softplus(±η) and p(1 − p) = e / (1 + e)²,
                        // neither of which overflows or loses p near 0 or 1 to cancellation.
                        let e = Double.exp(-abs(eta))
                        let q = 1 / (1 + e)
                        loss += max(y[row] ? -eta : eta, 0) + Double.log(onePlus: e)
                        guard derivatives else { continue }
                        let p = eta >= 0 ? q : e * q
                        let residual = Block(repeating: p - (y[row] ? 1 : 0))
                        let weight = e * q * q
                        for b in 0..<blocks {
                            let offset = b &* blockBytes
                            let zb = UnsafeRawPointer(z).load(fromByteOffset: offset, as: Block.self)
                            let g = gradient.load(fromByteOffset: offset, as: Block.self)
                            gradient.storeBytes(of: g + residual * zb, toByteOffset: offset, as: Block.self)
                        }
                        for i in 0..<n {
                            let wi = Block(repeating: weight * z[i])
                            let hessianRow = hessian + i &* rowBytes
                            for b in (i / 4)..<blocks {
                                let offset = b &* blockBytes
                                let zb = UnsafeRawPointer(z).load(fromByteOffset: offset, as: Block.self)
                                let h = hessianRow.load(fromByteOffset: offset, as: Block.self)
                                hessianRow.storeBytes(of: h + wi * zb, toByteOffset: offset, as: Block.self)
                            }
                        }
                    }
                }
            }
        }
        guard derivatives else { return [loss] }
        let g = UnsafeRawPointer(gradient).assumingMemoryBound(to: Double.self)
        let h = UnsafeRawPointer(hessian).assumingMemoryBound(to: Double.self)
        let stride = rowBytes / 8
        var result = [loss]
        result.reserveCapacity(1 + n + n * (n + 1) / 2)
        result.append(contentsOf: (0..<n).map { g[$0] })
        for i in 0..<n { result.append(contentsOf: (i..<n).map { h[i * stride + $0] }) }
        return result
    }
}
