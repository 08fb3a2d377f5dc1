/** Entry point of the browser app. */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installBenchHooks } from './bench-hooks';
import { boot } from './boot';
import './styles.css';

createRoot(document.getElementById('root')!).render(<App />);
installBenchHooks();
void boot();
