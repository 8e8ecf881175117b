import { actionRefusalOf } from '@app/actions';
import { refusalDetailsOf } from '@app/common';
import { HttpException } from '@nestjs/common';
import { FormRejected } from '../pipeline/form-rejected';
import { statusTag } from '../view-models';
import { FIELD_WORDS, listWords } from './action-page.presenter';

/** The action page's forms. */
export type ActionForm =
  'status' | 'progress' | 'owner' | 'successMeasure' | 'deadline' | 'verify' | 'cancel';

/** Where a refusal about the action as a whole is shown on each form (field, element id). */
const MAIN_FIELD: Record<ActionForm, [string, string?]> = {
  status: ['status'],
  progress: ['note'],
  owner: ['ownerId'],
  successMeasure: ['successMeasure'],
  deadline: ['dueOn', 'dueOn-day'],
  verify: ['verify'],
  cancel: ['cancelReason'],
};

/**
 * ActionsService's refusal (see ActionRefusal) in the action page's GOV.UK words, on the field of
 * `form` it is about; null for any other error. The rule is the service's: this only words it.
 */
export function pageRefusal(error: unknown, form: ActionForm): FormRejected | null {
  const refusal = actionRefusalOf(error);
  if (!refusal) return null;
  const [main, mainId] = MAIN_FIELD[form];
  switch (refusal.code) {
    case 'illegal-transition':
      if (form === 'verify') {
        return FormRejected.on('verify', 'Only a completed action can be verified');
      }
      if (form === 'cancel') {
        return FormRejected.on('cancelReason', 'This action can no longer be cancelled');
      }
      return FormRejected.on(
        'status',
        `The status cannot change from ${statusTag(refusal.from).text} to ${statusTag(refusal.to).text}`,
      );
    case 'reason-required':
      if (refusal.field === 'dueOnReason') {
        return FormRejected.on('dueOnReason', 'Enter a reason for the new deadline');
      }
      if (form === 'verify') {
        return FormRejected.on(
          'verifyNote',
          'Enter what is different this time: this finding was raised at an earlier inspection',
        );
      }
      return form === 'cancel'
        ? FormRejected.on('cancelReason', 'Enter why the action is cancelled')
        : FormRejected.on(
            'statusReason',
            `Enter why the action is ${statusTag(refusal.status).text.toLowerCase()}`,
          );
    case 'not-smart':
      return FormRejected.on(
        main,
        `Before this action can open it needs ${listWords(
          refusal.missing.map((field) => FIELD_WORDS[field] ?? field),
        )}`,
        mainId,
      );
    case 'owner-not-found':
      return FormRejected.on('ownerId', 'Select who will own this action');
  }
}

/**
 * For `.catch` on a change made from `form`: rethrows ActionsService's refusal in the page's
 * words (PageInterceptor shows it on the form), any other error as it was.
 */
export const inPageWords =
  (form: ActionForm) =>
  (error: unknown): never => {
    throw pageRefusal(error, form) ?? error;
  };

/** Where each field MeasuresService names is on the page (a date input: its day box). */
const MEASURE_FIELD_IDS: Readonly<Record<string, string>> = {
  value: 'value',
  observedOn: 'observedOn-day',
  baselineValue: 'baselineValue',
  baselineOn: 'baselineOn-day',
  targetValue: 'targetValue',
  targetOn: 'targetOn-day',
  direction: 'direction',
};

/** The API's field names in a MeasuresService message, in the page's words. */
const MEASURE_WORDS: ReadonlyArray<[RegExp, string]> = [
  [
    /^observedOn must not be later than today$/,
    'the date the reading describes must be today or in the past',
  ],
  [/^value /, 'the reading '],
  [/baselineValue/g, 'baseline'],
  [/baselineOn/g, 'baseline date'],
  [/targetValue/g, 'target'],
  [/targetOn/g, 'target date'],
];

/**
 * MeasuresService's refusal (`details.code` invalid-measure) in the page's words, on the field it
 * names; any other error as it was. The rule is the service's: this only words it.
 */
export function measureInPageWords(error: unknown): never {
  const details = refusalDetailsOf(error);
  if (
    !(error instanceof HttpException) ||
    details?.code !== 'invalid-measure' ||
    typeof details.field !== 'string'
  ) {
    throw error;
  }
  const words = MEASURE_WORDS.reduce((text, [api, page]) => text.replace(api, page), error.message);
  throw FormRejected.on(
    details.field,
    words.charAt(0).toUpperCase() + words.slice(1),
    MEASURE_FIELD_IDS[details.field] ?? details.field,
  );
}

/**
 * The id of the RAG override's first radio, which its errors link to: not "rag", the id of the
 * section's heading (a repeated id leaves the radio without its label and the link on the heading).
 */
export const RAG_CHOICE_ID = 'ragOverride';

/** ActionRagService's refusal (`details.code` invalid-rag-override) on the field it names. */
export function ragInPageWords(error: unknown): never {
  const details = refusalDetailsOf(error);
  if (
    !(error instanceof HttpException) ||
    details?.code !== 'invalid-rag-override' ||
    typeof details.field !== 'string'
  ) {
    throw error;
  }
  const field = details.field === 'reason' ? 'ragReason' : details.field;
  throw FormRejected.on(field, error.message, field === 'rag' ? RAG_CHOICE_ID : field);
}
