import '../../lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { DashboardApp } from '../../components/dashboard/DashboardApp';
import { backgroundApi } from '../../components/dashboard/dashboard-api';
import { ProjectDeskDb } from '../../lib/store/database';
import '../../components/theme.css';
import '../../components/dashboard/dashboard.css';

createRoot(document.getElementById('root')!).render(
  <DashboardApp db={new ProjectDeskDb()} api={backgroundApi} />,
);
