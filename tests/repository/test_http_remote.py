"""Sharing over HTTP: clone, push and pull against a smart-HTTP git server on this machine.

The server is dulwich's own WSGI application (``dulwich.web``), run in a thread; a real
deployment would put git behind a web server (GitLab, Gitea, ``git http-backend``), which
has not been tried here. What this proves: the program speaks git's smart-HTTP protocol for
fetch and push, end to end.
"""

from __future__ import annotations

import threading
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from dulwich.repo import Repo
from dulwich.server import DictBackend
from dulwich.web import make_wsgi_chain

from egov_modeler.model.commands import RenameElementCommand
from egov_modeler.repository import remote
from egov_modeler.repository.pull import PullState
from egov_modeler.storage import native
from tests.helpers.repository import UNIT_B, edit_file, new_repository


class _Quiet(WSGIRequestHandler):
    def log_message(self, *_args):  # keep the test output clean
        pass


@pytest.fixture
def http_server(tmp_path):
    """A bare repository served over HTTP; yields its URL."""
    bare = Repo.init_bare(str(tmp_path / "served.git"), mkdir=True)
    server = make_server("127.0.0.1", 0, make_wsgi_chain(DictBackend({"/": bare})),
                         handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()
    bare.close()


def test_push_clone_and_pull_over_http(tmp_path, http_server):
    with new_repository(tmp_path / "a") as a:
        assert remote.push(a, http_server) == http_server
        with remote.clone(http_server, tmp_path / "b", UNIT_B) as b:
            assert b.model_file.read_bytes() == a.model_file.read_bytes()
            edit_file(b, lambda m: m.execute(RenameElementCommand("id-portal", "Cổng B")))
            b.commit("B: đổi tên cổng")
            remote.push(b)
        result = remote.pull(a)
        assert result.state is PullState.FAST_FORWARD
        assert native.load(a.model_file).element("id-portal").name == "Cổng B"
