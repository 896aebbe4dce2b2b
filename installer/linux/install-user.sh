#!/bin/sh
# Register this unpacked egov-modeler folder for the current user, no root needed: the
# command ~/.local/bin/egov-modeler, the menu entry, the icon and the .egov file type (a
# double-click on a .egov file opens it here).
#   sh install.sh            # register
#   sh install.sh --remove   # undo (the folder itself is left where it is)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin

refresh() {
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$data/mime" || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$data/applications" || true
    fi
}

if [ "${1:-}" = "--remove" ]; then
    rm -f "$bin/egov-modeler" "$data/applications/egov-modeler.desktop" \
        "$data/mime/packages/egov-modeler.xml"
    find "$data/icons/hicolor" -name 'egov-modeler.*' -delete 2>/dev/null || true
    refresh
    echo "egov-modeler unregistered for $(id -un)"
    exit 0
fi

mkdir -p "$bin" "$data/applications" "$data/mime/packages" "$data/icons"
ln -sf "$here/egov-modeler" "$bin/egov-modeler"
sed -e "s|^Exec=egov-modeler|Exec=\"$here/egov-modeler\"|" \
    -e "s|^TryExec=egov-modeler|TryExec=$here/egov-modeler|" \
    "$here/share/applications/egov-modeler.desktop" > "$data/applications/egov-modeler.desktop"
cp "$here/share/mime/packages/egov-modeler.xml" "$data/mime/packages/egov-modeler.xml"
cp -R "$here/share/icons/hicolor" "$data/icons/"
refresh
echo "egov-modeler registered for $(id -un): $bin/egov-modeler"
