export type Workout = {
  id: string;
  source: string;
  name: string;
  startTime: string;
  durationSeconds: number;
  distanceMeters: number;
  averagePower: number | null;
  averageHeartRate: number | null;
  createdAt: string;
};

export type Page<T> = {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
};

export type ProblemDetails = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  traceId?: string;
  errors?: Record<string, string[]>;
};

export type ManualWorkoutRequest = {
  name: string;
  startTime: string;
  durationSeconds: number;
  distanceMeters: number;
  averagePower?: number;
  averageHeartRate?: number;
};
