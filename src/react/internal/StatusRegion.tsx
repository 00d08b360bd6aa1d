import type { ReactNode } from 'react';
import type { ThreeDSecureError } from '../../core/errors';

export interface StatusRegionProps {
  /** Progress announced politely (empty when there is none). */
  status: ReactNode;
  error: ThreeDSecureError | null;
  /** The shopper-facing text for the error. */
  errorMessage(error: ThreeDSecureError): string;
  /** Shown under the error message (a request id for support, say). */
  errorDetail?: ReactNode;
  /** The status says a late result is still being confirmed (`data-still-confirming`, for styling). */
  stillConfirming?: boolean;
}

/** The live status line and the error alert every drop-in component shows the same way. */
export function StatusRegion({ status, error, errorMessage, errorDetail, stillConfirming }: StatusRegionProps) {
  return (
    <>
      <p className="r3k-status" role="status" aria-live="polite" data-still-confirming={stillConfirming || undefined}>
        {status}
      </p>
      {error ? (
        <div className="r3k-alert" role="alert" data-error-code={error.code}>
          <p>{errorMessage(error)}</p>
          {errorDetail}
        </div>
      ) : null}
    </>
  );
}
