import { ErrorResponse } from '@app/common';
import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/**
 * The refusals a route (or every route of a controller) documents: each status with what it
 * means here, all in the one error shape.
 */
export const ApiRefusals = (
  refusals: Partial<Record<RefusalStatus, string>>,
): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ...Object.entries(refusals).map(([status, description]) =>
      ApiResponse({ status: Number(status), type: ErrorResponse, description }),
    ),
  );
