#!/bin/sh
# Package the frozen program (dist/egov-modeler, made by installer/build.sh) for Linux:
#   dist/egov-modeler_<version>_<arch>.deb
#       the program in /opt/egov-modeler, the command /usr/bin/egov-modeler (a symlink),
#       the menu entry, the icon in every size and the .egov file type; it depends on the
#       system's graphics libraries, which the bundle does not carry.
#   dist/egov-modeler-<version>-linux-<machine>.tar.gz
#       the same program to unpack anywhere, with install.sh to register the command, the
#       menu entry, the icon and the file type for one user (no root needed).
# DEB_COMPRESSION=xz (default), gzip or none: none is for the tests, which only read it.
set -eu
cd "$(dirname "$0")/../.."
bundle=dist/egov-modeler
if [ ! -x "$bundle/egov-modeler" ] || [ ! -d build/icons/hicolor ]; then
    echo "no frozen build: run sh installer/build.sh first" >&2
    exit 2
fi
version=$(cat "$bundle/VERSION")
arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
machine=$(uname -m)
stage=build/linux
rm -rf "$stage"
mkdir -p "$stage"

# share/: menu entry, MIME type, icons -- the same files in the .deb and the tar.gz
add_share() {
    mkdir -p "$1/applications" "$1/mime/packages" "$1/icons"
    cp installer/linux/egov-modeler.desktop "$1/applications/egov-modeler.desktop"
    cp installer/linux/egov-modeler-mime.xml "$1/mime/packages/egov-modeler.xml"
    cp -R build/icons/hicolor "$1/icons/"
}

# --- .deb -------------------------------------------------------------------------------
root=$stage/deb
mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/doc/egov-modeler" "$root/DEBIAN"
cp -a "$bundle" "$root/opt/egov-modeler"
ln -s /opt/egov-modeler/egov-modeler "$root/usr/bin/egov-modeler"
add_share "$root/usr/share"
cp egov_modeler/resources/licenses/egov-modeler.txt "$root/usr/share/doc/egov-modeler/copyright"
printf '\nThe licence texts are in /opt/egov-modeler/licenses/.\n' \
    >> "$root/usr/share/doc/egov-modeler/copyright"
installed_size=$(du -sk "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$installed_size/" \
    installer/linux/control.in > "$root/DEBIAN/control"
chmod -R u+rwX,go+rX,go-w "$root"
deb=dist/egov-modeler_${version}_${arch}.deb
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" --build "$root" "$deb" >/dev/null
echo "$deb ($(du -h "$deb" | cut -f1))"

# --- tar.gz -----------------------------------------------------------------------------
top=egov-modeler-$version
mkdir -p "$stage/tar"
cp -a "$bundle" "$stage/tar/$top"
add_share "$stage/tar/$top/share"
cp installer/linux/install-user.sh "$stage/tar/$top/install.sh"
chmod 755 "$stage/tar/$top/install.sh"
tarball=dist/egov-modeler-$version-linux-$machine.tar.gz
tar -C "$stage/tar" -czf "$tarball" "$top"
echo "$tarball ($(du -h "$tarball" | cut -f1))"
