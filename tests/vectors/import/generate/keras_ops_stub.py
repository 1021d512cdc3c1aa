# Scratch stand-in for keras.src.ops over numpy float32 (floatx), tensors as 1-element arrays so Python numbers stay weak.
import contextlib, numpy as np
import os
F = np.float64 if os.environ.get("KERAS_FLOATX") == "float64" else np.float32
def _t(x, dtype=None):
    if isinstance(x, np.ndarray):
        return x if dtype is None else x.astype(dtype)
    if dtype is None:
        dtype = np.int32 if isinstance(x, (bool, int)) and not isinstance(x, bool) else (np.bool_ if isinstance(x, bool) else F)
    return np.asarray([x], dtype=dtype)
def convert_to_tensor(x, dtype=None): return _t(x, dtype)
def cast(x, dtype): return _t(x).astype(np.dtype(dtype) if not isinstance(dtype, str) else dtype)
def array(x, dtype=None): return _t(x, dtype)
def divide(a, b): return _t(a) / _t(b)
def multiply(a, b): return _t(a) * _t(b)
def add(a, b): return _t(a) + _t(b)
def subtract(a, b): return _t(a) - _t(b)
def power(a, b): return np.power(_t(a), _t(b))
def floor(a): return np.floor(_t(a))
def ceil(a): return np.ceil(_t(a))
def log(a): return np.log(_t(a))
def exp(a): return np.exp(_t(a))
def cos(a): return np.cos(_t(a))
def minimum(a, b): return np.minimum(_t(a), _t(b))
def maximum(a, b): return np.maximum(_t(a), _t(b))
def equal(a, b): return _t(a) == _t(b)
def where(c, a, b): return np.where(c, a, b)
def cond(pred, t, f): return t() if bool(np.asarray(pred).reshape(-1)[0]) else f()
@contextlib.contextmanager
def name_scope(name, **k):
    yield
