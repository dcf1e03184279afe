// The system tier drives a stack on Linux (ss, /proc, Unix file modes).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
