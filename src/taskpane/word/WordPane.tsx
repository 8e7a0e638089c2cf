/**
 * The Word side of the task pane: link a workbook, write the 自评报告, refresh it.
 * (Shell; grows into the full pane.)
 */
import * as React from "react";
import { Title3, Body1 } from "@fluentui/react-components";

export interface WordPaneProps {
  /** Display language: Chinese first; English when Office's display language is not Chinese. */
  lang?: "zh" | "en";
}

export function WordPane(props: WordPaneProps): JSX.Element {
  const zh = (props.lang ?? "zh") === "zh";
  return (
    <div>
      <Title3>{zh ? "自评报告" : "Self-evaluation report"}</Title3>
      <Body1>{zh ? "链接工作簿后写入报告。" : "Link a workbook, then write the report."}</Body1>
    </div>
  );
}

export default WordPane;
