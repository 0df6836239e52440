import '../../lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { CommentsRoot } from '../../components/comments/CommentsRoot';
import '../../components/theme.css';
import '../../components/comments/comments.css';

// The comments frame: an extension page the page adapter shows in an iframe under an entry.
createRoot(document.getElementById('root')!).render(<CommentsRoot />);
