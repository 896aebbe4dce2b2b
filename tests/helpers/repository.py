"""Builders for the repository tests: a small provincial model, copies of it for two units,
and the merge of their edits loaded back as a model."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

from egov_modeler.model import Model
from egov_modeler.model import serialization as ser
from egov_modeler.model.problems import Severity
from egov_modeler.model.validation import validate_model
from egov_modeler.model.views import NODE_CONTAINER, Connection, Node
from egov_modeler.repository.store import Author, ModelRepository
from egov_modeler.repository.three_way import MergedModel, ModelMerge, merge_models
from egov_modeler.storage import native

VIEW = "id-view"


def small_model() -> Model:
    """A portal, the LGSP, a national database and the one-stop system, related, on one
    view inside a band: enough for every kind of change."""
    model = Model("Kiến trúc số tỉnh")
    for key, kind, name in (("portal", "ApplicationComponent", "Cổng dịch vụ công"),
                            ("lgsp", "ApplicationComponent", "LGSP tỉnh"),
                            ("db", "ApplicationComponent", "CSDL quốc gia về dân cư"),
                            ("onestop", "ApplicationComponent", "Hệ thống một cửa")):
        model.add_element(kind, name, id=f"id-{key}")
    model.relate("id-portal", "Flow", "id-lgsp", id="id-portal-lgsp")
    model.relate("id-lgsp", "Flow", "id-db", id="id-lgsp-db")
    model.relate("id-onestop", "Serving", "id-portal", id="id-onestop-portal")
    model.add_view("Sơ đồ tổng thể", id=VIEW)
    model.load_node(VIEW, Node("id-band", 0, 0, 900, 300, kind=NODE_CONTAINER, label="Ứng dụng"))
    for i, key in enumerate(("portal", "lgsp", "db", "onestop")):
        model.load_node(VIEW, Node(f"id-n-{key}", 20 + 200 * i, 40, 120, 55,
                                   element_id=f"id-{key}", parent="id-band"))
    model.load_connection(VIEW, Connection("id-c-portal-lgsp", "id-n-portal", "id-n-lgsp",
                                           relationship_id="id-portal-lgsp"))
    model.load_connection(VIEW, Connection("id-c-lgsp-db", "id-n-lgsp", "id-n-db",
                                           relationship_id="id-lgsp-db"))
    return model


def copy_model(model: Model) -> Model:
    return native.loads(json.dumps(ser.model_to_dict(model)).encode())


Edit = Callable[[Model], object]


def merge_edits(base: Model, ours: Edit, theirs: Edit) -> ModelMerge:
    """Two copies of ``base``, each edited, merged three ways."""
    mine, other = copy_model(base), copy_model(base)
    ours(mine)
    theirs(other)
    return merge_models(ser.model_to_dict(base), ser.model_to_dict(mine),
                        ser.model_to_dict(other))


def load_merged(merged: MergedModel) -> Model:
    """The merged model as the program reads it; nothing may have been skipped."""
    model = native.loads(json.dumps(merged.model, ensure_ascii=False).encode())
    assert model.load_report == []
    return model


def errors(model: Model) -> list[str]:
    return [p.message for p in validate_model(model) if p.severity is Severity.ERROR]


def decide_all(merge: ModelMerge, side: str) -> Mapping[str, str]:
    return {c.id: side for c in merge.conflicts}


# ---------------------------------------------------------------------------- git copies

UNIT_A = Author("Sở Khoa học và Công nghệ", "skhcn@gialai.gov.vn")
UNIT_B = Author("Trung tâm dữ liệu tỉnh", "ttdl@gialai.gov.vn")
GIT = shutil.which("git")


def new_repository(folder: Path, model: Model | None = None,
                   author: Author = UNIT_A) -> ModelRepository:
    """A model file in ``folder`` made a model repository (first version committed)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kien-truc.egov"
    native.save(model or small_model(), path)
    return ModelRepository.init(path, author)


def edit_file(repo: ModelRepository, edit: Edit) -> None:
    """Open the working file, edit the model, save it: what the window does."""
    model = native.load(repo.model_file)
    edit(model)
    native.save(model, repo.model_file)


def git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the real git in ``folder`` with no user or system configuration."""
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(folder),
           "GIT_AUTHOR_NAME": "Git", "GIT_AUTHOR_EMAIL": "git@example.org",
           "GIT_COMMITTER_NAME": "Git", "GIT_COMMITTER_EMAIL": "git@example.org"}
    assert GIT is not None
    return subprocess.run([GIT, *args], cwd=folder, env=env, capture_output=True, text=True,
                          check=check)
