import type {
  CreatedLesson,
  LessonInput,
  PublicLesson,
  StaffLesson,
} from '@artifact-stories/contracts/schemas';
import { request } from './client.ts';

// Teachers' lessons: made and edited without an account (the edit token is the key), opened by class code.

const path = (code: string) => `/api/lessons/${encodeURIComponent(code)}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const createLesson = (body: LessonInput) =>
  request<CreatedLesson>('/api/lessons', { method: 'POST', body });

export const getLesson = (code: string) => request<PublicLesson>(path(code));

export const getLessonForEditing = (code: string, token: string) =>
  request<PublicLesson>(`${path(code)}/edit`, { headers: bearer(token) });

export const updateLesson = (code: string, token: string, body: LessonInput) =>
  request<PublicLesson>(path(code), { method: 'PUT', body, headers: bearer(token) });

/** The class link's QR code (an image URL). */
export const lessonQrUrl = (code: string) => `${path(code)}/qr.svg`;

/** The QR code of item `position` (1-based): its film at its excerpt. */
export const lessonItemQrUrl = (code: string, position: number) => `${path(code)}/items/${position}/qr.svg`;

const staffPath = (code: string) => `/api/staff/lessons/${encodeURIComponent(code)}`;

export const findLesson = (code: string) => request<StaffLesson>(staffPath(code));

export const setLessonTakenDown = (code: string, down: boolean) =>
  request<StaffLesson>(`${staffPath(code)}/takedown`, { method: down ? 'PUT' : 'DELETE' });
