import { useEffect, useId, useState, type FormEvent } from "react";
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { PlannerTarget } from "../../../protocol/commitmentTarget.ts";
import type { PlannerBucketOption, PlannerPlanOption } from "../../../protocol/plannerRest.ts";
import { getAuthToken } from "../../../teams/authToken.ts";
import { createPlannerBucket, fetchPlannerBuckets, fetchPlannerPlans, fetchPlannerTarget, savePlannerTarget } from "../../api/planner.ts";
import { LabelledSpinner } from "../../components/LabelledSpinner.tsx";
import { Notice } from "../../components/Notice.tsx";
import "../../i18n/commitmentsMessages.ts";
import { useStrings } from "../../i18n/useStrings.ts";

/** The bucket choice that means "make a new one". */
const NEW_BUCKET = "__new__";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase400 },
  secondary: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground2 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "420px" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
  saved: { margin: 0, color: tokens.colorPaletteGreenForeground1, fontSize: tokens.fontSizeBase300 },
});

type Loaded<T> = { status: "loading" } | { status: "ready"; value: T } | { status: "failed"; reason: string };

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Props of {@link PlannerTargetPicker}. */
export interface PlannerTargetPickerProps {
  meetingId: string;
}

/**
 * Where the meeting's commitments go in Planner: the current plan and bucket, and for the organizer
 * (or a facilitator) a plan picker, a bucket picker or a new bucket for the meeting series, and
 * Save. The server checks with Planner that the person reaches what they chose before keeping it.
 */
export function PlannerTargetPicker({ meetingId }: PlannerTargetPickerProps) {
  const styles = useStyles();
  const strings = useStrings();
  const headingId = useId();
  const [current, setCurrent] = useState<Loaded<{ target: PlannerTarget | null; canChange: boolean }>>({ status: "loading" });
  const [plans, setPlans] = useState<Loaded<PlannerPlanOption[]>>({ status: "loading" });
  const [buckets, setBuckets] = useState<Loaded<PlannerBucketOption[]> | null>(null);
  const [planId, setPlanId] = useState("");
  const [bucketId, setBucketId] = useState("");
  const [newBucketName, setNewBucketName] = useState(() => strings.t("config.planner.defaultBucketName"));
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [saved, setSaved] = useState<PlannerTarget | null>(null);

  useEffect(() => {
    let isCurrent = true;
    fetchPlannerTarget(meetingId, getAuthToken).then(
      (value) => {
        if (!isCurrent) return;
        setCurrent({ status: "ready", value });
        if (value.target) {
          setPlanId(value.target.planId);
          setBucketId(value.target.bucketId);
        }
        if (!value.canChange) return;
        fetchPlannerPlans(meetingId, getAuthToken).then(
          (list) => isCurrent && setPlans({ status: "ready", value: list }),
          (error: unknown) => isCurrent && setPlans({ status: "failed", reason: reasonOf(error) }),
        );
      },
      (error: unknown) => isCurrent && setCurrent({ status: "failed", reason: reasonOf(error) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [meetingId]);

  useEffect(() => {
    if (planId === "") {
      setBuckets(null);
      return;
    }
    let isCurrent = true;
    setBuckets({ status: "loading" });
    fetchPlannerBuckets(meetingId, getAuthToken, planId).then(
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
  }, [meetingId, planId]);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (planId === "") return setProblem(strings.t("config.planner.missingPlan"));
    if (bucketId === "") return setProblem(strings.t("config.planner.missingBucket"));
    if (bucketId === NEW_BUCKET && newBucketName.trim() === "") return setProblem(strings.t("config.planner.nameEmpty"));
    setProblem(null);
    setIsSaving(true);
    try {
      const chosenBucket = bucketId === NEW_BUCKET ? (await createPlannerBucket(meetingId, getAuthToken, planId, newBucketName.trim())).id : bucketId;
      const result = await savePlannerTarget(meetingId, getAuthToken, { planId, bucketId: chosenBucket });
      setCurrent({ status: "ready", value: result });
      setSaved(result.target);
      if (bucketId === NEW_BUCKET) {
        setBucketId(chosenBucket);
        setBuckets((loaded) => (loaded?.status === "ready" && result.target ? { status: "ready", value: [...loaded.value, { id: chosenBucket, name: result.target.bucketName }] } : loaded));
      }
    } catch (error) {
      setProblem(strings.t("config.planner.failed", { reason: reasonOf(error) }));
    } finally {
      setIsSaving(false);
    }
  };

  const target = current.status === "ready" ? current.value.target : null;
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="planner-target">
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
        <form className={styles.form} onSubmit={(event) => void handleSubmit(event)} noValidate aria-labelledby={headingId}>
          {plans.status === "loading" ? <LabelledSpinner label={strings.t("config.planner.loadingPlans")} /> : null}
          {plans.status === "failed" ? <Notice intent="error">{strings.t("config.planner.failed", { reason: plans.reason })}</Notice> : null}
          {plans.status === "ready" && plans.value.length === 0 ? <p className={styles.text}>{strings.t("config.planner.noPlans")}</p> : null}
          {plans.status === "ready" && plans.value.length > 0 ? (
            <Field label={strings.t("config.planner.plan")} hint={strings.t("config.planner.planHint")}>
              <Select value={planId} onChange={(_, data) => setPlanId(data.value)} data-testid="planner-plan">
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
            <Field label={strings.t("config.planner.bucket")} hint={strings.t("config.planner.bucketHint")}>
              <Select value={bucketId} onChange={(_, data) => setBucketId(data.value)} data-testid="planner-bucket">
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
            <Field label={strings.t("config.planner.newBucketName")} hint={strings.t("config.planner.newBucketHint")}>
              <Input value={newBucketName} maxLength={255} onChange={(_, data) => setNewBucketName(data.value)} data-testid="planner-new-bucket" />
            </Field>
          ) : null}
          {target ? <p className={styles.secondary}>{strings.t("config.planner.changeNote")}</p> : null}
          {problem ? (
            <Notice intent="error" data-testid="planner-target-problem">
              {problem}
            </Notice>
          ) : null}
          {saved ? (
            <p className={styles.saved} role="status" data-testid="planner-target-saved">
              {strings.t("config.planner.saved", { plan: saved.planName, bucket: saved.bucketName })}
            </p>
          ) : null}
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabledFocusable={isSaving || plans.status !== "ready"} data-testid="planner-target-save">
              {strings.t(isSaving ? "config.planner.saving" : "config.planner.save")}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
