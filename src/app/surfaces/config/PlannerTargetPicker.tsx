import { useEffect, useId, useImperativeHandle, useMemo, useState, type Ref } from "react";
import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { PlannerTarget } from "../../../protocol/commitmentTarget.ts";
import type { PlannerBucketOption, PlannerPlanOption } from "../../../protocol/plannerRest.ts";
import { getAuthToken } from "../../../teams/authToken.ts";
import { fetchPlannerBuckets, fetchPlannerPlans, fetchPlannerTarget, type PlannerCaller } from "../../api/planner.ts";
import { LabelledSpinner } from "../../components/LabelledSpinner.tsx";
import { Notice } from "../../components/Notice.tsx";
import "../../i18n/commitmentsMessages.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { NEW_BUCKET, saveTargetChoice, targetChoiceOf } from "./configSave.ts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase400 },
  secondary: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground2 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "420px" },
});

type Loaded<T> = { status: "loading" } | { status: "ready"; value: T } | { status: "failed"; reason: string };

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What the settings page asks of the picker when Teams' Save is pressed. */
export interface PlannerTargetPickerHandle {
  /**
   * Writes the choice to Planner (a new bucket first, then the target) and resolves with the saved
   * target, or null when there was nothing to write; rejects with the reason, in the viewer's language.
   */
  save(): Promise<PlannerTarget | null>;
}

/** Props of {@link PlannerTargetPicker}. */
export interface PlannerTargetPickerProps {
  meetingId: string;
  /** The team's group in a channel meeting: its plans are offered too. */
  groupId?: string | undefined;
  /** Told whether the choice can be saved as it stands (false while it is incomplete). */
  onValidityChange: (isValid: boolean) => void;
  ref?: Ref<PlannerTargetPickerHandle>;
}

/**
 * Where the meeting's commitments go in Planner: the current plan and bucket, and for the organizer
 * (or a facilitator) a plan picker, a bucket picker or a new bucket for the meeting series. There is
 * no button of its own: Teams' Save writes the choice (see {@link PlannerTargetPickerHandle}). The
 * server checks with Planner that the person reaches what they chose before keeping it.
 */
export function PlannerTargetPicker({ meetingId, groupId, onValidityChange, ref }: PlannerTargetPickerProps) {
  const styles = useStyles();
  const strings = useStrings();
  const headingId = useId();
  const caller = useMemo<PlannerCaller>(() => ({ meetingId, getToken: getAuthToken }), [meetingId]);
  const [current, setCurrent] = useState<Loaded<{ target: PlannerTarget | null; canChange: boolean }>>({ status: "loading" });
  const [plans, setPlans] = useState<Loaded<PlannerPlanOption[]>>({ status: "loading" });
  const [buckets, setBuckets] = useState<Loaded<PlannerBucketOption[]> | null>(null);
  const [planId, setPlanId] = useState("");
  const [bucketId, setBucketId] = useState("");
  const [newBucketName, setNewBucketName] = useState(() => strings.t("config.planner.defaultBucketName"));
  const [isSaving, setIsSaving] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    fetchPlannerTarget(caller).then(
      (value) => {
        if (!isCurrent) return;
        setCurrent({ status: "ready", value });
        if (value.target) {
          setPlanId(value.target.planId);
          setBucketId(value.target.bucketId);
        }
        if (!value.canChange) return;
        fetchPlannerPlans(caller, groupId).then(
          (list) => isCurrent && setPlans({ status: "ready", value: list }),
          (error: unknown) => isCurrent && setPlans({ status: "failed", reason: reasonOf(error) }),
        );
      },
      (error: unknown) => isCurrent && setCurrent({ status: "failed", reason: reasonOf(error) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [caller, groupId]);

  useEffect(() => {
    if (planId === "") {
      setBuckets(null);
      return;
    }
    let isCurrent = true;
    setBuckets({ status: "loading" });
    fetchPlannerBuckets(caller, planId).then(
      (list) => {
        if (!isCurrent) return;
        setBuckets({ status: "ready", value: list });
        // a plan's own buckets only: a bucket of the plan chosen before no longer fits
        setBucketId((chosen) => (chosen === NEW_BUCKET || list.some((bucket) => bucket.id === chosen) ? chosen : (list[0]?.id ?? NEW_BUCKET)));
      },
      (error: unknown) => isCurrent && setBuckets({ status: "failed", reason: reasonOf(error) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [caller, planId]);

  const target = current.status === "ready" ? current.value.target : null;
  const choice = targetChoiceOf({
    canChoose: current.status === "ready" && current.value.canChange && plans.status === "ready",
    current: target,
    planId,
    bucketId,
    newBucketName,
    buckets: buckets?.status === "ready" ? buckets.value : null,
  });
  const isValid = choice.kind !== "incomplete";
  useEffect(() => onValidityChange(isValid), [isValid, onValidityChange]);

  useImperativeHandle(
    ref,
    () => ({
      async save() {
        if (choice.kind === "incomplete") {
          throw new Error(strings.t(choice.problem === "nameEmpty" ? "config.planner.nameEmpty" : "config.planner.missingBucket"));
        }
        setIsSaving(true);
        try {
          const saved = await saveTargetChoice(caller, choice, (bucket) => {
            // chosen at once: pressing Save again after a later failure reuses it instead of making another
            setBuckets((loaded) => (loaded?.status === "ready" ? { status: "ready", value: [...loaded.value, bucket] } : loaded));
            setBucketId(bucket.id);
          });
          if (saved) setCurrent({ status: "ready", value: { target: saved, canChange: true } });
          return saved;
        } finally {
          setIsSaving(false);
        }
      },
    }),
    [caller, choice, strings],
  );

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="planner-target" data-choice={choice.kind}>
      <h2 id={headingId} className={styles.heading}>
        {strings.t("config.planner.heading")}
      </h2>
      <p className={styles.text}>{strings.t("config.planner.intro")}</p>
      {current.status === "loading" ? <LabelledSpinner label={strings.t("app.loadingView")} /> : null}
      {current.status === "failed" ? <Notice intent="error">{strings.t("config.planner.failed", { reason: current.reason })}</Notice> : null}
      {current.status === "ready" ? (
        <p className={styles.text} data-testid="planner-target-current" data-plan-id={target?.planId ?? ""} data-bucket-id={target?.bucketId ?? ""}>
          {target
            ? strings.t("config.planner.current", {
                plan: target.planName,
                bucket: target.bucketName,
                date: new Intl.DateTimeFormat(strings.locale, { dateStyle: "medium" }).format(new Date(target.setAt)),
              })
            : strings.t("config.planner.none")}
        </p>
      ) : null}
      {current.status === "ready" && !current.value.canChange ? <p className={styles.secondary}>{strings.t("config.planner.notOrganizer")}</p> : null}
      {current.status === "ready" && current.value.canChange ? (
        <div className={styles.form} role="group" aria-labelledby={headingId}>
          {plans.status === "loading" ? <LabelledSpinner label={strings.t("config.planner.loadingPlans")} /> : null}
          {plans.status === "failed" ? <Notice intent="error">{strings.t("config.planner.failed", { reason: plans.reason })}</Notice> : null}
          {plans.status === "ready" && plans.value.length === 0 ? <p className={styles.text}>{strings.t("config.planner.noPlans")}</p> : null}
          {plans.status === "ready" && plans.value.length > 0 ? (
            <Field label={strings.t("config.planner.plan")} hint={strings.t(groupId ? "config.planner.planHintTeam" : "config.planner.planHint")}>
              <Select value={planId} disabled={isSaving} onChange={(_, data) => setPlanId(data.value)} data-testid="planner-plan">
                <option value="">{strings.t("config.planner.choosePlan")}</option>
                {plans.value.map((plan) => (
                  <option key={plan.id} value={plan.id}>
                    {plan.title}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          {buckets?.status === "loading" ? <LabelledSpinner label={strings.t("config.planner.loadingBuckets")} /> : null}
          {buckets?.status === "failed" ? <Notice intent="error">{strings.t("config.planner.failed", { reason: buckets.reason })}</Notice> : null}
          {buckets?.status === "ready" ? (
            <Field
              label={strings.t("config.planner.bucket")}
              hint={strings.t("config.planner.bucketHint")}
              {...(choice.kind === "incomplete" && choice.problem === "missingBucket"
                ? { validationState: "error" as const, validationMessage: strings.t("config.planner.missingBucket") }
                : {})}
            >
              <Select value={bucketId} disabled={isSaving} onChange={(_, data) => setBucketId(data.value)} data-testid="planner-bucket">
                {buckets.value.map((bucket) => (
                  <option key={bucket.id} value={bucket.id}>
                    {bucket.name}
                  </option>
                ))}
                <option value={NEW_BUCKET}>{strings.t("config.planner.newBucket")}</option>
              </Select>
            </Field>
          ) : null}
          {bucketId === NEW_BUCKET && buckets?.status === "ready" ? (
            <Field
              label={strings.t("config.planner.newBucketName")}
              hint={strings.t("config.planner.newBucketHint")}
              {...(choice.kind === "incomplete" && choice.problem === "nameEmpty"
                ? { validationState: "error" as const, validationMessage: strings.t("config.planner.nameEmpty") }
                : {})}
            >
              <Input value={newBucketName} maxLength={255} disabled={isSaving} onChange={(_, data) => setNewBucketName(data.value)} data-testid="planner-new-bucket" />
            </Field>
          ) : null}
          {target ? <p className={styles.secondary}>{strings.t("config.planner.changeNote")}</p> : null}
          {plans.status === "ready" && plans.value.length > 0 ? <p className={styles.secondary}>{strings.t("config.planner.savesWithTab")}</p> : null}
          {isSaving ? <LabelledSpinner label={strings.t("config.planner.saving")} /> : null}
        </div>
      ) : null}
    </section>
  );
}
