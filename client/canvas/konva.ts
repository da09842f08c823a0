/**
 * Konva with only the shapes the board draws. The full package also brings every other
 * shape and all image filters: ~30% more script for each page load to parse.
 */
import Konva from 'konva/lib/Core.js';
import 'konva/lib/shapes/Circle.js';
import 'konva/lib/shapes/Line.js';
import 'konva/lib/shapes/Path.js';
import 'konva/lib/shapes/Rect.js';
import 'konva/lib/shapes/Text.js';

export default Konva;
