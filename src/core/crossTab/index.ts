export { createTabCoordinator } from './createTabCoordinator';
export type { TabClaim, TabCoordinator, TabCoordinatorOptions, TabFollowEvent, TabFollower, TabOwner, TabUpdate } from './types';
