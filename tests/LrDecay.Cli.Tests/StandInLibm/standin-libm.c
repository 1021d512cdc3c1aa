/* A stand-in C library math: every function below returns the real one's result moved one ulp up (towards +infinity). Loaded
   with LD_PRELOAD under lrdecay, it shows whether any printed value depends on the platform's exp, log, pow, cos and the rest. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>

#define UP1(name)                                                                 \
    double name(double x)                                                         \
    {                                                                             \
        static double (*real)(double);                                            \
        if (!real) real = (double (*)(double))dlsym(RTLD_NEXT, #name);            \
        return nextafter(real(x), INFINITY);                                      \
    }                                                                             \
    float name##f(float x)                                                        \
    {                                                                             \
        static float (*real)(float);                                              \
        if (!real) real = (float (*)(float))dlsym(RTLD_NEXT, #name "f");          \
        return nextafterf(real(x), INFINITY);                                     \
    }

#define UP2(name)                                                                 \
    double name(double x, double y)                                               \
    {                                                                             \
        static double (*real)(double, double);                                    \
        if (!real) real = (double (*)(double, double))dlsym(RTLD_NEXT, #name);    \
        return nextafter(real(x, y), INFINITY);                                   \
    }                                                                             \
    float name##f(float x, float y)                                               \
    {                                                                             \
        static float (*real)(float, float);                                       \
        if (!real) real = (float (*)(float, float))dlsym(RTLD_NEXT, #name "f");   \
        return nextafterf(real(x, y), INFINITY);                                  \
    }

UP1(exp) UP1(log) UP1(cos) UP1(sin) UP1(tan) UP1(tanh) UP1(exp2) UP1(log2) UP1(log10) UP1(expm1) UP1(log1p)
UP2(pow)

void sincos(double x, double *s, double *c)
{
    *s = sin(x);
    *c = cos(x);
}

void sincosf(float x, float *s, float *c)
{
    *s = sinf(x);
    *c = cosf(x);
}
