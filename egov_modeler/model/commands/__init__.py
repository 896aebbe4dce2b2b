"""Every edit of a model, as an undoable command with a dict form."""

from .base import CascadeCommand, Command, CompoundCommand, command_from_dict
from .element import (
    AddElementCommand,
    DeleteElementCommand,
    RenameElementCommand,
    RetypeElementCommand,
    SetElementFieldsCommand,
)
from .folder import (
    AddFolderCommand,
    DeleteFolderCommand,
    FileInFolderCommand,
    MoveFolderCommand,
    RenameFolderCommand,
)
from .properties import SetModelFieldsCommand, SetPropertyCommand
from .relationship import RelateCommand, SetRelationshipFieldsCommand, UnrelateCommand
from .view import (
    AddBendpointCommand,
    AddConnectionCommand,
    CreateViewCommand,
    DeleteViewCommand,
    MoveBendpointCommand,
    MoveNodeCommand,
    PlaceNodeCommand,
    RemoveBendpointCommand,
    RemoveConnectionCommand,
    RemoveNodeCommand,
    RenameViewCommand,
    ReparentNodeCommand,
    ResizeNodeCommand,
    SetBendpointsCommand,
    SetConnectionFieldsCommand,
    SetConnectionStyleCommand,
    SetNodeBoundsCommand,
    SetNodeFieldsCommand,
    SetViewDefaultStyleCommand,
    SetViewFieldsCommand,
)

__all__ = [
    "AddBendpointCommand", "AddConnectionCommand", "AddElementCommand", "AddFolderCommand",
    "CascadeCommand", "Command", "CompoundCommand", "CreateViewCommand", "DeleteElementCommand",
    "DeleteFolderCommand", "DeleteViewCommand", "FileInFolderCommand", "MoveBendpointCommand",
    "MoveFolderCommand", "MoveNodeCommand", "PlaceNodeCommand", "RenameFolderCommand",
    "RelateCommand", "RemoveBendpointCommand", "RemoveConnectionCommand", "RemoveNodeCommand",
    "RenameElementCommand", "RenameViewCommand", "ReparentNodeCommand", "ResizeNodeCommand",
    "RetypeElementCommand", "SetBendpointsCommand", "SetConnectionFieldsCommand",
    "SetConnectionStyleCommand", "SetViewDefaultStyleCommand", "SetElementFieldsCommand",
    "SetModelFieldsCommand", "SetNodeBoundsCommand", "SetNodeFieldsCommand",
    "SetPropertyCommand", "SetRelationshipFieldsCommand", "SetViewFieldsCommand",
    "UnrelateCommand", "command_from_dict",
]
