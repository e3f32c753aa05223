import Kernel

extension ControllerSlice {
    /// The dashboard page of a customer, for the pages and actions of later slices that
    /// lead back to it.
    package static func customerPage(_ customerID: String) -> String {
        "/ui/customers/" + DashboardLink.segment(customerID)
    }
}
