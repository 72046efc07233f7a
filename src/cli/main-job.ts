// The main job (`npm start`): the default corridor's baseline routes and where their time goes.
import { middleCorridor } from '../network/load.js';
import { fastestRoute } from '../simulate/route.js';
import { routeText } from '../report/route-text.js';

/** The main job's report as text. */
export function mainJob(): string {
  const network = middleCorridor();
  const route = fastestRoute(network, { origin: 'xian', destination: 'constanta', profile: 'container-rail' });
  const body = route === null ? "No route from Xi'an to Constanța in the default network." : routeText(network, route);
  return [`transcaspian: ${network.title}`, '', body].join('\n');
}
