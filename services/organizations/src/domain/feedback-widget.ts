/** The two forms of the Gosuslugi feedback widget (decree 3.2: "single window of digital feedback"). */
export const FEEDBACK_FORMS = ['REPORT_PROBLEM', 'SHARE_OPINION'] as const;
export type FeedbackForm = (typeof FEEDBACK_FORMS)[number];

export interface WidgetState {
  widgetReportProblemAt?: Date | null;
  widgetShareOpinionAt?: Date | null;
}

const COLUMN: Record<FeedbackForm, keyof WidgetState> = {
  REPORT_PROBLEM: 'widgetReportProblemAt',
  SHARE_OPINION: 'widgetShareOpinionAt',
};

export function markWidgets(state: WidgetState, forms: readonly FeedbackForm[], placedAt: Date): WidgetState {
  const next = { ...state };
  for (const form of forms) next[COLUMN[form]] = placedAt;
  return next;
}

export function widgetList(state: WidgetState): { form: FeedbackForm; placedAt: Date }[] {
  return FEEDBACK_FORMS.flatMap((form) => {
    const placedAt = state[COLUMN[form]];
    return placedAt ? [{ form, placedAt }] : [];
  });
}

/** A page complies once it carries both forms: from the later of the two dates. */
export function widgetCompleteSince(state: WidgetState): Date | null {
  const { widgetReportProblemAt: a, widgetShareOpinionAt: b } = state;
  if (!a || !b) return null;
  return a > b ? a : b;
}
