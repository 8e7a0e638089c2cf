/**
 * Standalone page: choose or drop a workbook (.xlsx, .xls, .et, .ods, an HTML table, .csv). The file is read in the browser only.
 */
import { WORKBOOK_ACCEPT } from "../../core/workbookNames";
import * as React from "react";
import { Button, Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { DocumentTable20Regular, FolderOpen20Regular, ShieldCheckmark16Regular } from "@fluentui/react-icons";
import { useLang } from "../components/context";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: "center",
  },
  compact: {
    flexDirection: "row",
    justifyContent: "space-between",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: "left",
  },
  dragging: { border: `1px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  fileName: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  fileText: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  muted: { color: tokens.colorNeutralForeground3, display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

export interface FilePickerProps {
  /** "name · n sheets" once a file is open. */
  current: string | null;
  disabled: boolean;
  onFile(file: File): void;
}

export function FilePicker(props: FilePickerProps): JSX.Element {
  const styles = useStyles();
  const { t } = useLang();
  const input = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);

  const choose = () => input.current?.click();
  const onChange = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) props.onFile(file);
    e.target.value = ""; // choosing the same file again reloads it
  };
  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files?.[0];
    if (file && !props.disabled) props.onFile(file);
  };

  const fileInput = (
    <input
      ref={input}
      id="workbook-file"
      type="file"
      accept={WORKBOOK_ACCEPT}
      aria-label={t("chooseFileLabel")}
      className={styles.hidden}
      onChange={onChange}
      disabled={props.disabled}
      data-testid="file-input"
    />
  );

  return (
    <div
      className={mergeClasses(styles.zone, props.current !== null && styles.compact, dragging && styles.dragging)}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="file-zone"
    >
      {fileInput}
      {props.current === null ? (
        <>
          <DocumentTable20Regular aria-hidden style={{ fontSize: 32, width: 32, height: 32, color: tokens.colorBrandForeground1 }} />
          <Button appearance="primary" icon={<FolderOpen20Regular />} onClick={choose} disabled={props.disabled}>
            {t("chooseFile")}
          </Button>
          <Caption1 className={styles.muted}>{t("dropHint")}</Caption1>
          <Caption1 className={styles.muted}>
            <ShieldCheckmark16Regular aria-hidden />
            {t("fileStaysHere")}
          </Caption1>
        </>
      ) : (
        <>
          <span className={styles.fileName}>
            <DocumentTable20Regular aria-hidden style={{ flexShrink: 0, color: tokens.colorBrandForeground1 }} />
            <Text className={styles.fileText} weight="semibold" title={props.current} data-testid="file-name">
              {props.current}
            </Text>
          </span>
          <Button
            size="small"
            appearance="subtle"
            icon={<FolderOpen20Regular />}
            onClick={choose}
            disabled={props.disabled}
            style={{ flexShrink: 0, whiteSpace: "nowrap" }}
          >
            {t("changeFile")}
          </Button>
        </>
      )}
    </div>
  );
}
