#!/bin/sh
# 绩效自评助手 — 卸载 WPS 加载项（当前用户）/ uninstall the WPS add-in for this user (Linux).
# 只删除本加载项：jsaddons/{{NAME}}_<版本>/ 目录和 publish.xml 中 name="{{NAME}}" 的记录；其他加载项原样保留。
# Removes exactly ours: the {{NAME}}_<version>/ folders and the publish.xml entries named "{{NAME}}".
set -eu

NAME="{{NAME}}"
JSADDONS="${WPS_JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}"
PUBLISH="$JSADDONS/publish.xml"

removed=0
for dir in "$JSADDONS/${NAME}"_[0-9]*; do
  [ -d "$dir" ] || continue
  rm -rf "$dir"
  echo "已删除 / removed: $dir"
  removed=1
done
if [ -f "$PUBLISH" ]; then
  if ! command -v perl >/dev/null 2>&1; then
    echo "需要 perl 才能修改 publish.xml。/ perl is needed to edit publish.xml." >&2
    exit 2
  fi
  NAME="$NAME" perl -0777 -i -pe '
    my $n = $ENV{NAME};
    s{[ \t]*<jsplugin(?:online)?\b[^>]*\bname="\Q$n\E"[^>]*?/>[ \t]*\r?\n?}{}g;
    s{[ \t]*<(jsplugin(?:online)?)\b[^>]*\bname="\Q$n\E"[^>]*>.*?</\1>[ \t]*\r?\n?}{}gs;
  ' "$PUBLISH"
  echo "已从 publish.xml 移除本加载项的记录 / entries removed from $PUBLISH"
  rm -f "$PUBLISH.before-$NAME"
fi
[ "$removed" = 1 ] || echo "未找到已安装的绩效自评助手 / no installed copy found in $JSADDONS"
echo "请重新打开 WPS。/ Start WPS again."
