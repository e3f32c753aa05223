public enum Placeholder_HostIngest {}
