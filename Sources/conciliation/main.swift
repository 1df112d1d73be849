import ConciliationCLI

Conciliation.main()
