// Doorstep's widgets as typed JSX elements (generated from their Custom Elements Manifest).
import type {} from '@doorstep/widgets/jsx';
