import UnrollRecord
import UnrollTensor

extension RunEnvironment {
    /// The environment this process computes in now: the CPU model, the kernels' path and thread count
    /// (`Kernels`), and `unrollVersion`.
    public static func current(unrollVersion: String) -> RunEnvironment {
        RunEnvironment(cpu: Kernels.cpuModel, kernels: Kernels.instructionSet, threads: Kernels.threads,
                       unrollVersion: unrollVersion)
    }
}
