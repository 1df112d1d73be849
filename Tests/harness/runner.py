"""The runner of the Python end-to-end tests (pseudo-terminal, HTTP, browser):
every `test_` function of a module, one line each, then "label: N passed, N failed"."""
import time
import traceback


def run_module(namespace, label):
    """Runs the `test_` functions of `namespace` (a module's globals()); 1 on any failure."""
    tests = [(name, f) for name, f in sorted(namespace.items()) if name.startswith("test_") and callable(f)]
    passed = failed = 0
    for name, test in tests:
        start = time.time()
        try:
            test()
            passed += 1
            print(f"ok   {name} ({time.time() - start:.1f} s)")
        except Exception:
            failed += 1
            print(f"FAIL {name}")
            traceback.print_exc()
    print(f"{label}: {passed} passed, {failed} failed")
    return 1 if failed else 0
