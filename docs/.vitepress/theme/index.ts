import DefaultTheme from 'vitepress/theme';
import './code-captions.css';

// The default theme, plus the look of the codelab's code captions.
export default DefaultTheme;
