// Re-exported only until client/pages/BoardWorkspace.tsx imports it from shared/ (issue 15 merge).
export { templateSkillLabel } from '../shared/templates/templateNames.ts';
