import { builder } from '../builder.ts';
import './scalars.ts';
import './error.ts';
import './area.ts';
import './team.ts';
import './viewer.ts';
import './scenario.ts';
import './campaign-input.ts';
import './campaign-plan.ts';
import './hourly-staffing.ts';
import './roster.ts';
import './mobile-teams.ts';
import './actual-report.ts';
import './api-token.ts';
import './plan-vs-actual.ts';
import './replan.ts';
import './solve.ts';

export const schema = builder.toSchema({ sortSchema: true });
