import '../../lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { PanelRoot } from '../../components/panel/PanelRoot';
import '../../components/theme.css';
import '../../components/panel/panel.css';

// The editor panel: an extension page the page adapter shows in an iframe under an entry.
createRoot(document.getElementById('root')!).render(<PanelRoot />);
