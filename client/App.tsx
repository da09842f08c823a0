import { usePathname } from './hooks/useRoute.ts';
import { parseRoute } from './model/routes.ts';
import { HomePage } from './pages/HomePage.tsx';
import { BoardPage } from './pages/BoardPage.tsx';
import { NotFound } from './pages/NotFound.tsx';

export function App() {
  const route = parseRoute(usePathname());
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'board':
      return <BoardPage key={route.boardId} boardId={route.boardId} />;
    default:
      return <NotFound />;
  }
}
