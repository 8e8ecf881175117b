import type { PipeTransform } from '@nestjs/common';
import { readForm } from '../forms';
import { FormRejected } from './form-rejected';

/** Validates a posted form into `type` (see readForm); refuses with a FormRejected. */
export class FormPipe<T extends object> implements PipeTransform<unknown, T> {
  constructor(
    private readonly type: new () => T,
    private readonly fieldIds: Partial<Record<keyof T & string, string>>,
  ) {}

  transform(body: unknown): T {
    const form = readForm(this.type, body, this.fieldIds);
    if (!form.ok) throw new FormRejected(form.errors, form.fieldErrors);
    return form.value;
  }
}
