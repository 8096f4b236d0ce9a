#pragma once

namespace pgha {

class DesignScene;

// Edit > Copy / Paste on the canvas: the selection as design text under the MIME type
// "application/x-pgha-items" (and as plain text), pasted back only from that type.
namespace CanvasClipboard {
void copy(DesignScene *scene);
void paste(DesignScene *scene);
} // namespace CanvasClipboard

} // namespace pgha
