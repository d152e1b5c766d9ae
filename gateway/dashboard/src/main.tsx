import { render } from 'preact';
import { App } from './components/App';
import './styles.css';
import './operator/workspace.css';

render(<App />, document.getElementById('app')!);
