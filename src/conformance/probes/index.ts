import type { Probe } from '../rows';
import { apiObjects } from './apiObjects';
import { errorEnvelope } from './errorEnvelope';
import { failedFinish } from './failedFinish';
import { iframeChallenge } from './iframeChallenge';
import { kurocoAuth } from './kurocoAuth';
import { popupBlocking } from './popupBlocking';
import { secondFinish } from './secondFinish';
import { tokenElements } from './tokenElements';
import { tokenThreeDSecure } from './tokenThreeDSecure';

/** Every probe, in the order they run (the API ones first, the browser ones after). */
export const PROBES: Probe[] = [tokenThreeDSecure, apiObjects, errorEnvelope, kurocoAuth, secondFinish, failedFinish, iframeChallenge, tokenElements, popupBlocking];
