"""What the web suites share: the real server, started on a free loopback port
for a test and stopped after it."""
import pytest

from server import Server


@pytest.fixture
def server():
    """`conciliation-serve` with the default options and the tests' day."""
    with Server() as running:
        yield running
