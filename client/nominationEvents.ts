// Re-exported only until client/hooks/useNominationNews.ts imports it from shared/ (issue 15 merge).
export { nominationEvents, type NominationEvent } from '../shared/nominationEvents.ts';
