# 绩效自评助手 {{VERSION}} — WPS 加载项个人安装（Windows，不需要管理员权限，不需要网络）
# Per-user install of the WPS add-in on Windows: no administrator rights, no network.
#
#   powershell -ExecutionPolicy Bypass -File install-wps.ps1      安装或升级 / install or upgrade
#   powershell -ExecutionPolicy Bypass -File uninstall-wps.ps1    卸载 / uninstall
#
# 1. 把本目录下的 {{FOLDER}}\ 复制到 %APPDATA%\kingsoft\wps\jsaddons\{{FOLDER}}\（旧版本目录一并删除）；
# 2. 在同一目录的 publish.xml 中写入本加载项的两条记录（WPS 表格 et、WPS 文字 wps），其他加载项的记录原样保留；
#    第一次修改前把原文件备份为 publish.xml.before-{{NAME}}。
param([string]$JsAddons = $(if ($env:WPS_JSADDONS) { $env:WPS_JSADDONS } else { Join-Path $env:APPDATA "kingsoft\wps\jsaddons" }))
$ErrorActionPreference = "Stop"

$Name = "{{NAME}}"
$Version = "{{VERSION}}"
$Folder = "{{FOLDER}}"
$Here = Split-Path -Parent $MyInvocation.MyCommand.Path
$Source = Join-Path $Here $Folder
$Publish = Join-Path $JsAddons "publish.xml"

if (-not (Test-Path (Join-Path $Source "ribbon.xml")) -or -not (Test-Path (Join-Path $Source "main.js"))) {
  Write-Error "找不到 $($Source)（ribbon.xml、main.js）。请在解压后的 wps 目录中运行。 / Cannot find $($Source) - run this from the unpacked wps folder."
  exit 2
}
if (Get-Process -Name wps, et, wpp -ErrorAction SilentlyContinue) {
  Write-Host "提示：WPS 正在运行。安装后请完全退出 WPS 再打开。 / Note: WPS is running; quit it completely after the install and start it again."
}

New-Item -ItemType Directory -Force -Path $JsAddons | Out-Null

# 1. the folder: ours replaced, older versions of ours removed, nothing else touched
Get-ChildItem -LiteralPath $JsAddons -Directory | Where-Object { $_.Name -match "^$([regex]::Escape($Name))_[0-9]" -and $_.Name -ne $Folder } | ForEach-Object {
  Remove-Item -LiteralPath $_.FullName -Recurse -Force
  Write-Host "已删除旧版本 / removed older version: $($_.FullName)"
}
$Target = Join-Path $JsAddons $Folder
if (Test-Path -LiteralPath $Target) { Remove-Item -LiteralPath $Target -Recurse -Force }
Copy-Item -LiteralPath $Source -Destination $Target -Recurse

# 2. publish.xml: our entries (any version) out, the two new ones in; every other entry kept as written
$Url = ([System.Uri]($Target.TrimEnd("\") + "\")).AbsoluteUri
$Utf8 = New-Object System.Text.UTF8Encoding($false)
if ((Test-Path -LiteralPath $Publish) -and ((Get-Item -LiteralPath $Publish).Length -gt 0)) {
  if (-not (Test-Path -LiteralPath "$Publish.before-$Name")) { Copy-Item -LiteralPath $Publish -Destination "$Publish.before-$Name" }
  $Xml = [System.IO.File]::ReadAllText($Publish)
} else {
  $Xml = "<?xml version=`"1.0`" encoding=`"UTF-8`"?>`r`n<jsplugins>`r`n</jsplugins>`r`n"
}
$N = [regex]::Escape($Name)
$Xml = [regex]::Replace($Xml, "[ \t]*<jsplugin(?:online)?\b[^>]*\bname=`"$N`"[^>]*?/>[ \t]*\r?\n?", "")
$Xml = [regex]::Replace($Xml, "(?s)[ \t]*<(jsplugin(?:online)?)\b[^>]*\bname=`"$N`"[^>]*>.*?</\1>[ \t]*\r?\n?", "")
if ($Xml -notmatch "</jsplugins>") { $Xml = [regex]::Replace($Xml, "<jsplugins\s*/>", "<jsplugins>`r`n</jsplugins>") }
if ($Xml -notmatch "</jsplugins>") { Write-Error "publish.xml 中没有 <jsplugins> / publish.xml has no <jsplugins> element - $($Publish)"; exit 2 }
$Entries = ""
foreach ($Type in @("et", "wps")) {
  $Entries += "  <jsplugin name=`"$Name`" type=`"$Type`" url=`"$Url`" version=`"$Version`" enable=`"enable_dev`" install=`"null`"/>`r`n"
}
$Xml = ([regex]"(\r?\n)?[ \t]*</jsplugins>").Replace($Xml, "`r`n$Entries</jsplugins>", 1)
[System.IO.File]::WriteAllText($Publish, $Xml, $Utf8)

Write-Host "已安装 绩效自评助手 $Version / installed: $Target"
Write-Host "已写入 / registered in: $Publish（WPS 表格 et、WPS 文字 wps）"
Write-Host "请完全退出并重新打开 WPS；首次加载时如询问是否信任此加载项，请选“信任”。 / Quit WPS completely and start it again; trust the add-in when asked."
