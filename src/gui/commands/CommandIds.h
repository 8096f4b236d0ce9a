#pragma once

namespace pgha {

// QUndoCommand::id() values of the commands that merge with their predecessor.
enum CommandId {
    MoveItemsId = 1,
    ChangeValueId,
};

} // namespace pgha
