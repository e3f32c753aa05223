import Kernel

extension HostIngestSlice {
    /// The path of a host's dashboard page, for later slices' forms and notices to link
    /// to (`/ui/hosts/acme-k3x9q2`).
    package static func hostPage(_ hostID: String) -> String {
        HostsPage.path + "/" + DashboardLink.segment(hostID)
    }
}
