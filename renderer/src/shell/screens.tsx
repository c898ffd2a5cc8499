import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import BusinessCenterOutlined from '@mui/icons-material/BusinessCenterOutlined';
import CloudOutlined from '@mui/icons-material/CloudOutlined';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import { lazy, type ComponentType, type ReactNode } from 'react';
import { EngagementScreen } from '../screens/engagement/engagement-screen';
import type { ScreenId } from './router';

export interface ScreenDef {
  id: ScreenId;
  label: string;
  icon: ReactNode;
  group: 'Scope' | 'Assessment' | 'Documentation';
  /** Screens that read workspace data are wrapped in RequiresWorkspace. */
  needsWorkspace: boolean;
  component: ComponentType;
}

/** Each screen is its own module; all but Engagement (the start screen) load on first visit. */
export const screens: readonly ScreenDef[] = [
  {
    id: 'engagement',
    label: 'Engagement',
    icon: <BusinessCenterOutlined />,
    group: 'Scope',
    needsWorkspace: false,
    component: EngagementScreen,
  },
  {
    id: 'targets',
    label: 'Targets',
    icon: <CloudOutlined />,
    group: 'Scope',
    needsWorkspace: true,
    component: lazy(() => import('../screens/targets-screen').then((m) => ({ default: m.TargetsScreen }))),
  },
  {
    id: 'assessments',
    label: 'Assessments',
    icon: <FactCheckOutlined />,
    group: 'Assessment',
    needsWorkspace: true,
    component: lazy(() =>
      import('../screens/assessments-screen').then((m) => ({ default: m.AssessmentsScreen })),
    ),
  },
  {
    id: 'findings',
    label: 'Findings',
    icon: <ReportProblemOutlined />,
    group: 'Assessment',
    needsWorkspace: true,
    component: lazy(() => import('../screens/findings-screen').then((m) => ({ default: m.FindingsScreen }))),
  },
  {
    id: 'controls',
    label: 'Controls',
    icon: <VerifiedUserOutlined />,
    group: 'Assessment',
    needsWorkspace: true,
    component: lazy(() => import('../screens/controls-screen').then((m) => ({ default: m.ControlsScreen }))),
  },
  {
    id: 'phi-flows',
    label: 'PHI flows',
    icon: <AccountTreeOutlined />,
    group: 'Documentation',
    needsWorkspace: true,
    component: lazy(() => import('../screens/phi-flows-screen').then((m) => ({ default: m.PhiFlowsScreen }))),
  },
  {
    id: 'export',
    label: 'Export',
    icon: <Inventory2Outlined />,
    group: 'Documentation',
    needsWorkspace: true,
    component: lazy(() => import('../screens/export-screen').then((m) => ({ default: m.ExportScreen }))),
  },
  {
    id: 'audit-log',
    label: 'Audit log',
    icon: <ReceiptLongOutlined />,
    group: 'Documentation',
    needsWorkspace: true,
    component: lazy(() =>
      import('../screens/audit-log/audit-log-screen').then((m) => ({ default: m.AuditLogScreen })),
    ),
  },
];

export function screenById(id: ScreenId): ScreenDef {
  return screens.find((s) => s.id === id) ?? screens[0]!;
}
