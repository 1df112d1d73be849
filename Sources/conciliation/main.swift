import ConciliationCLI

Launcher.main()
