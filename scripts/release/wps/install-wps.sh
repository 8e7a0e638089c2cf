#!/bin/sh
# 绩效自评助手 {{VERSION}} — WPS 加载项个人安装（统信 UOS、银河麒麟等 Linux，不需要管理员权限，不需要网络）
# Per-user install of the WPS add-in on Linux (UOS, Kylin): no root, no network.
#
#   sh install-wps.sh            安装或升级 / install or upgrade
#   sh uninstall-wps.sh          卸载 / uninstall
#
# 做的事 / what it does:
#   1. 把本目录下的 {{FOLDER}}/ 复制到 ~/.local/share/Kingsoft/wps/jsaddons/{{FOLDER}}/
#      （本加载项的旧版本目录 {{NAME}}_<版本>/ 一并删除）；
#   2. 在同一目录的 publish.xml 中写入本加载项的两条记录（WPS 表格 et、WPS 文字 wps），
#      其他加载项的记录原样保留；第一次修改前把原文件备份为 publish.xml.before-{{NAME}}。
# 目录可用环境变量 WPS_JSADDONS 改写 / WPS_JSADDONS overrides the folder.
set -eu

NAME="{{NAME}}"
VERSION="{{VERSION}}"
FOLDER="{{FOLDER}}"
HERE=$(cd "$(dirname "$0")" && pwd)
JSADDONS="${WPS_JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}"
PUBLISH="$JSADDONS/publish.xml"

if [ ! -f "$HERE/$FOLDER/ribbon.xml" ] || [ ! -f "$HERE/$FOLDER/main.js" ]; then
  echo "找不到 $HERE/$FOLDER/（ribbon.xml、main.js）。请在解压后的 wps 目录中运行本脚本。" >&2
  echo "Cannot find $HERE/$FOLDER/ (ribbon.xml, main.js): run this script from the unpacked wps folder." >&2
  exit 2
fi
if ! command -v perl >/dev/null 2>&1; then
  echo "需要 perl（统信 UOS、麒麟默认已安装）。/ perl is needed (installed by default on UOS and Kylin)." >&2
  exit 2
fi
if command -v pgrep >/dev/null 2>&1 && pgrep -x -u "$(id -u)" wps >/dev/null 2>&1; then
  echo "提示：WPS 正在运行。安装后请完全退出 WPS（含后台常驻进程：quickstartoffice restart）再打开。"
  echo "Note: WPS is running. Quit it completely (quickstartoffice restart) after the install and start it again."
fi

mkdir -p "$JSADDONS"

# 1. the folder: ours replaced, older versions of ours removed, nothing else touched
for old in "$JSADDONS/${NAME}"_[0-9]*; do
  [ -d "$old" ] || continue
  case "$(basename "$old")" in
    "$FOLDER") ;;
    *) rm -rf "$old" && echo "已删除旧版本 / removed older version: $old" ;;
  esac
done
rm -rf "$JSADDONS/$FOLDER.tmp"
cp -R "$HERE/$FOLDER" "$JSADDONS/$FOLDER.tmp"
rm -rf "$JSADDONS/$FOLDER"
mv "$JSADDONS/$FOLDER.tmp" "$JSADDONS/$FOLDER"

# 2. publish.xml: our entries (any version) out, the two new ones in; every other entry kept as written
URL="file://$JSADDONS/$FOLDER/"
if [ ! -s "$PUBLISH" ]; then
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n</jsplugins>\n' > "$PUBLISH"
elif [ ! -f "$PUBLISH.before-$NAME" ]; then
  cp -p "$PUBLISH" "$PUBLISH.before-$NAME"
fi
NAME="$NAME" VERSION="$VERSION" URL="$URL" perl -0777 -i -pe '
  my ($n, $v, $u) = @ENV{qw(NAME VERSION URL)};
  s{[ \t]*<jsplugin(?:online)?\b[^>]*\bname="\Q$n\E"[^>]*?/>[ \t]*\r?\n?}{}g;
  s{[ \t]*<(jsplugin(?:online)?)\b[^>]*\bname="\Q$n\E"[^>]*>.*?</\1>[ \t]*\r?\n?}{}gs;
  my $entries = join "", map { qq{  <jsplugin name="$n" type="$_" url="$u" version="$v" enable="enable_dev" install="null"/>\n} } qw(et wps);
  s{<jsplugins\s*/>}{<jsplugins>\n</jsplugins>} unless m{</jsplugins>};
  die "publish.xml has no <jsplugins> element\n" unless m{</jsplugins>};
  s{(\r?\n)?([ \t]*)</jsplugins>}{\n$entries</jsplugins>};
' "$PUBLISH"

echo "已安装 绩效自评助手 $VERSION / installed: $JSADDONS/$FOLDER"
echo "已写入 / registered in: $PUBLISH（WPS 表格 et、WPS 文字 wps）"
echo "请完全退出并重新打开 WPS；首次加载时如询问是否信任此加载项，请选“信任”。"
echo "Quit WPS completely and start it again; trust the add-in when WPS asks."
