/** 设置: the scoring profile (PROFILES) and the display language, both remembered. */
import * as React from "react";
import { Card, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { PROFILES, type ProfileId } from "../../core/profiles";
import type { Lang } from "../../core/messages";
import { useLang } from "./context";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalM },
});

export interface SettingsPanelProps {
  id: string;
  profile: ProfileId;
  langChoice: Lang | "auto";
  disabled: boolean;
  onProfile(id: ProfileId): void;
  onLang(choice: Lang | "auto"): void;
}

export function SettingsPanel(props: SettingsPanelProps): JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLang();
  return (
    <Card className={styles.card} id={props.id} data-testid="settings">
      <Field label={t("profile")} hint={t("profileHint")}>
        <Select
          value={props.profile}
          disabled={props.disabled}
          onChange={(_, d) => props.onProfile(d.value as ProfileId)}
          data-testid="profile-select"
        >
          {Object.values(PROFILES).map((p) => (
            <option key={p.id} value={p.id}>
              {lang === "zh" ? p.name : p.nameEn}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("language")}>
        <Select value={props.langChoice} onChange={(_, d) => props.onLang(d.value as Lang | "auto")}>
          <option value="auto">{t("languageAuto")}</option>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </Select>
      </Field>
    </Card>
  );
}
