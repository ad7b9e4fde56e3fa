#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package from a built tree, validates the desktop entry and the AppStream
# metainfo, installs the package into a clean root and runs both installed binaries.
# Usage: test-package.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build=$1 src=$2 version=$3
app_id=io.github.mqttscope.mqttscope
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== desktop entry"
desktop-file-validate "$src/packaging/linux/$app_id.desktop"

echo "== metainfo"
appstreamcli validate --no-net --explain "$build/packaging/$app_id.metainfo.xml"
# The releases come from CHANGELOG.md: the newest must be this version.
grep -q "<release version=\"$version\"" "$build/packaging/$app_id.metainfo.xml" \
  || { echo "metainfo has no release $version: add it to CHANGELOG.md"; exit 1; }

echo "== package"
cpack --config "$build/CPackConfig.cmake" -B "$work/out" >/dev/null
deb=$(ls "$work"/out/*.deb)
dpkg-deb --field "$deb" Package Version Section Depends Maintainer
depends=$(dpkg-deb --field "$deb" Depends)
case $depends in
  *libqt6core6*) ;;
  *) echo "Depends lacks the Qt libraries (shlibdeps did not run?): $depends"; exit 1 ;;
esac
[ "$(dpkg-deb --field "$deb" Version)" = "$version" ] || { echo "package version is not $version"; exit 1; }
# Without Qt's own translations every standard button and dialog stays English.
dpkg-deb --field "$deb" Recommends | grep -qw qt6-translations-l10n \
  || { echo "the package does not recommend qt6-translations-l10n"; exit 1; }

echo "== install into a clean root"
root=$work/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
# The clean root has no Qt of its own: its dependencies are the host's, hence --force-depends.
dpkg --root="$root" --force-depends --force-not-root \
  --log=/dev/null --instdir="$root" --admindir="$root/var/lib/dpkg" -i "$deb"
dpkg --root="$root" --admindir="$root/var/lib/dpkg" -s mqttscope | grep -q "^Status: install ok installed" \
  || { echo "dpkg did not record the package as installed in the clean root"; exit 1; }
for f in usr/bin/mqttscope usr/bin/mqttscope-cli \
         usr/share/applications/$app_id.desktop usr/share/metainfo/$app_id.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/$app_id.svg usr/share/icons/hicolor/48x48/apps/$app_id.png \
         usr/share/man/man1/mqttscope-cli.1 usr/share/man/man1/mqttscope.1 \
         usr/share/bash-completion/completions/mqttscope-cli \
         usr/share/mqttscope/translations/mqttscope_zh_CN.qm; do
  [ -e "$root/$f" ] || { echo "missing in the package: /$f"; exit 1; }
done

echo "== installed binaries"
cli_version=$("$root/usr/bin/mqttscope-cli" --version)
gui_version=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/mqttscope" --version)
echo "$cli_version"; echo "$gui_version"
case "$cli_version" in *"$version"*) ;; *) echo "mqttscope-cli --version does not say $version"; exit 1 ;; esac
case "$gui_version" in *"$version"*) ;; *) echo "mqttscope --version does not say $version"; exit 1 ;; esac
# The installed app finds its translation for the system language.
zh_help=$(LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 LANGUAGE=zh_CN QT_QPA_PLATFORM=offscreen "$root/usr/bin/mqttscope" --help)
english_help=$(LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE= QT_QPA_PLATFORM=offscreen "$root/usr/bin/mqttscope" --help)
[ "$zh_help" != "$english_help" ] && printf '%s' "$zh_help" | grep -qF '选项' \
  || { echo "the installed mqttscope --help is not translated for zh_CN"; exit 1; }
echo "package test passed"
