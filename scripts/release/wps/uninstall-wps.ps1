# 绩效自评助手 — 卸载 WPS 加载项（当前用户，Windows）/ uninstall the WPS add-in for this user (Windows).
# 只删除本加载项：jsaddons\{{NAME}}_<版本>\ 目录和 publish.xml 中 name="{{NAME}}" 的记录；其他加载项原样保留。
param([string]$JsAddons = $(if ($env:WPS_JSADDONS) { $env:WPS_JSADDONS } else { Join-Path $env:APPDATA "kingsoft\wps\jsaddons" }))
$ErrorActionPreference = "Stop"

$Name = "{{NAME}}"
$Publish = Join-Path $JsAddons "publish.xml"
$Removed = $false
if (Test-Path -LiteralPath $JsAddons) {
  Get-ChildItem -LiteralPath $JsAddons -Directory | Where-Object { $_.Name -match "^$([regex]::Escape($Name))_[0-9]" } | ForEach-Object {
    Remove-Item -LiteralPath $_.FullName -Recurse -Force
    Write-Host "已删除 / removed: $($_.FullName)"
    $Removed = $true
  }
}
if (Test-Path -LiteralPath $Publish) {
  $N = [regex]::Escape($Name)
  $Xml = [System.IO.File]::ReadAllText($Publish)
  $Xml = [regex]::Replace($Xml, "[ \t]*<jsplugin(?:online)?\b[^>]*\bname=`"$N`"[^>]*?/>[ \t]*\r?\n?", "")
  $Xml = [regex]::Replace($Xml, "(?s)[ \t]*<(jsplugin(?:online)?)\b[^>]*\bname=`"$N`"[^>]*>.*?</\1>[ \t]*\r?\n?", "")
  [System.IO.File]::WriteAllText($Publish, $Xml, (New-Object System.Text.UTF8Encoding($false)))
  if (Test-Path -LiteralPath "$Publish.before-$Name") { Remove-Item -LiteralPath "$Publish.before-$Name" -Force }
  Write-Host "已从 publish.xml 移除本加载项的记录 / entries removed from $Publish"
}
if (-not $Removed) { Write-Host "未找到已安装的绩效自评助手 / no installed copy found in $JsAddons" }
Write-Host "请重新打开 WPS。 / Start WPS again."
